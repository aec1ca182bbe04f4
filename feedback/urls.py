from django.urls import path

from feedback.views import delivery, files, participant, public, team

app_name = "feedback"

urlpatterns = [
    # A participant's own course (their registration's id).
    path("my/course/<int:pk>/", participant.course, name="course"),
    path("my/course/<int:pk>/readings/<int:reading_pk>/", participant.reading, name="reading"),
    path("my/course/<int:pk>/days/<int:session_pk>/evaluation/", participant.evaluation, name="evaluation"),
    path("my/course/<int:pk>/reflections/<int:questionnaire_pk>/", participant.questionnaire, name="questionnaire"),
    path(
        "my/course/<int:pk>/reflections/<int:questionnaire_pk>/share/",
        participant.questionnaire_share,
        name="questionnaire_share",
    ),
    path(
        "my/course/<int:pk>/reflections/<int:questionnaire_pk>/comment/",
        participant.questionnaire_comment,
        name="questionnaire_comment",
    ),
    path("my/course/<int:pk>/certificate/", participant.certificate, name="certificate"),
    path("my/readings/<int:reading_pk>/", participant.t4t_reading, name="t4t_reading"),
    # The delivery team.
    path("team/cohorts/<int:pk>/", team.cohort_delivery, name="cohort_delivery"),
    path("team/cohorts/<int:pk>/readings/", team.cohort_readings, name="cohort_readings"),
    path("team/cohorts/<int:pk>/results/", team.cohort_results, name="cohort_results"),
    path("team/days/<int:pk>/register/", team.register, name="register"),
    path("team/days/<int:pk>/sign-in-sheet/", team.sign_in_sheet, name="sign_in_sheet"),
    path("team/days/<int:pk>/sections/", delivery.record, name="record"),
    path("team/days/<int:pk>/issues/", delivery.issues, name="issues"),
    path("team/issues/<int:pk>/resolve/", delivery.issue_resolve, name="issue_resolve"),
    path("team/days/<int:pk>/questions/", delivery.open_questions, name="questions"),
    path("team/questions/<int:pk>/escalate/", delivery.question_escalate, name="question_escalate"),
    path("team/questions/<int:pk>/answer/", delivery.question_answer, name="question_answer"),
    path("team/days/<int:pk>/materials/", delivery.session_materials, name="materials"),
    path("team/materials/<int:pk>/remove/", delivery.material_remove, name="material_remove"),
    path("team/days/<int:pk>/incidents/", delivery.incidents, name="incidents"),
    path("team/days/<int:pk>/reflection/", delivery.trainer_reflection, name="trainer_reflection"),
    path("team/reflections/", team.shared_entries, name="shared_entries"),
    path("team/reflections/<int:pk>/", team.shared_entry, name="shared_entry"),
    path("team/reflections/<int:pk>/comment/", team.shared_entry_comment, name="shared_entry_comment"),
    path("team/my-results/", team.my_results, name="my_results"),
    # Files, checked on every download; the public certificate check.
    path("materials/<int:pk>/", files.material_file, name="material_file"),
    path("certificates/check/", public.certificate_check, name="certificate_check"),
]

from django.urls import path

from trainers.views import applications, assessors, deliveries, pathway

app_name = "trainers"

urlpatterns = [
    path("apply/", applications.apply, name="apply"),
    path("applications/<int:pk>/cv/", applications.cv, name="cv"),
    path("pathway/", pathway.my_pathway, name="pathway"),
    path("pathway/t4t/<int:pk>/book/", pathway.book_t4t, name="book_t4t"),
    path("trainees/<int:pk>/", pathway.trainee_pathway, name="trainee_pathway"),
    path("deliveries/", deliveries.deliveries, name="deliveries"),
    path("deliveries/<int:pk>/", deliveries.delivery, name="delivery"),
    path("sign-offs/", deliveries.sign_offs, name="sign_offs"),
    path("sign-offs/<int:pk>/", deliveries.sign_off, name="sign_off"),
    path("assessing/", assessors.assessing, name="assessing"),
    path("assessing/<int:pk>/", assessors.assess, name="assess"),
    path("t4t/<int:pk>/", assessors.t4t, name="t4t_day"),
]

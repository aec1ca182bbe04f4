from django.apps import AppConfig


class TrainersConfig(AppConfig):
    name = "trainers"

    @property
    def personal_data(self):
        from core.privacy import PersonalData

        #: Kept on erasure: a cohort's history and other trainers' records depend on who delivered it.
        return [
            PersonalData(
                model="trainers.DeliveryAssignment", owner="trainer", label="Courses you delivered", erase="keep"
            )
        ]

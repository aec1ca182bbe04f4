"""`manage.py generate_national_data --scale 1`: the national dataset for benchmarks (issue #8 point 1).

Run it once on a fresh database after `migrate` and `bootstrap --no-demo` (regions, local authorities
and the programme pages come from there). Needs `config.settings.bench` (the `bench` package).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import accounts
from bench.generator import generate
from bench.generator.base import Plan
from core.models import User


class Command(BaseCommand):
    help = "Generate a national-scale dataset (scale 1: 1,500 trainers, 5,000 cohorts, 80,000 participants)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiplies every count (default 1).")
        parser.add_argument("--seed", type=int, default=8, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--summary-json", help="Write counts and timings to this file as JSON.")

    def handle(self, *args, **options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be greater than 0.")
        if User.objects.filter(email__endswith="@" + accounts.DOMAIN).exists():
            raise CommandError("This database already has generated data: generate into a fresh database.")
        plan = Plan(scale=options["scale"], seed=options["seed"])
        self.stdout.write(f"Generating the national dataset at scale {plan.scale} (seed {plan.seed}):")
        ctx = generate(plan, self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Done in {ctx.total_seconds:.1f} s."))
        if connection.vendor == "postgresql":  # so that `--reuse` knows the scale of what it reuses
            with connection.cursor() as cursor:
                name = connection.ops.quote_name(connection.settings_dict["NAME"])
                cursor.execute(f"COMMENT ON DATABASE {name} IS 'eskw-bench scale={plan.scale:g} seed={plan.seed:d}'")
        if options["summary_json"]:
            summary = {
                "scale": plan.scale,
                "seed": plan.seed,
                "total_seconds": round(ctx.total_seconds, 2),
                "feed_trainer_sessions": ctx.made.get("feed_sessions", 0),
                "parts": [{"part": label, "rows": rows, "seconds": round(s, 2)} for label, s, rows in ctx.timings],
            }
            with open(options["summary_json"], "w") as handle:
                json.dump(summary, handle, indent=2)

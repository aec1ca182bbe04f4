"""What `bench/run`, `bench/load` and `bench/faults` are made of: a PostgreSQL to run on, the app
under gunicorn, signed-in HTTP clients, and the measurements."""

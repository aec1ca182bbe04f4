"""`X-Bench-Queries`: how many SQL queries a request ran, for the benchmark's table (bench settings only).

Counts through `connection.execute_wrapper`, which keeps no SQL text, so the count costs next to
nothing and the timings measured with it stay those of the real stack.
"""

from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response.headers["X-Bench-Queries"] = str(count)
        return response

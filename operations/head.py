"""HEAD answers without a body.

Django's views answer HEAD as GET; a WSGI server then drops the body, and gunicorn logs each
time that the application sent one. Emptied here, outermost, after every other middleware
has seen the full answer (its ETag and length are those of the GET)."""


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                # A file being sent is still closed by the server (response.close()).
                response.streaming_content = []
            else:
                response.content = b""
        return response

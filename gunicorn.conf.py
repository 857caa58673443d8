"""Gunicorn's settings, read from the working directory whenever gunicorn starts here.

Private links carry their secret in the query string (an agent's follow-up, a subscription's
confirmation and unsubscription, an invitation): the access log records the path alone and
no referrer, so that a log file never holds a key to someone's data.
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(M)sms'

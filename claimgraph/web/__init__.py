"""The web layer of `claimgraph serve`: the JSON API and the pages over one Store (`create_app` in app.py).

FastAPI, uvicorn and Jinja2 come with the `[web]` extra and are imported only by app.py, api.py and pages.py; the
view functions, tokens and corrections modules are plain Python, so the CLI's token and export commands need none
of them.
"""

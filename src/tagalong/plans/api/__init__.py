"""The plans API: one router (``tagalong.plans.api.router``) whose operations live in the
modules beside it, one module per job. Importing them here puts them on the router, in this
order, which is the order the OpenAPI document lists their paths in."""

# isort: off
from tagalong.plans.api import plans, templates, feeds, proposals, builder  # noqa: F401

# isort: on
from tagalong.plans.api.router import router

__all__ = ["router"]

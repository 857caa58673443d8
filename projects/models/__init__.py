from .calls import CallForIrritantsPage, CallIndexPage, CallStatus
from .news import NewsIndexPage, NewsPage, NewsPageProject
from .projects import ProjectIndexPage, ProjectPage, ProjectPhase, ProjectTeamMember, TeamRole
from .results import ResultsPage
from .taxonomy import Theme, UserType

__all__ = [
    "CallForIrritantsPage",
    "CallIndexPage",
    "CallStatus",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageProject",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPhase",
    "ProjectTeamMember",
    "ResultsPage",
    "TeamRole",
    "Theme",
    "UserType",
]

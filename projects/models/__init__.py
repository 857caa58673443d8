from .news import NewsIndexPage, NewsPage, NewsPageProject
from .projects import (
    Decision,
    Evaluation,
    ProjectDecision,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    ProjectTeamMember,
    TeamRole,
    TerritoryHighlight,
)
from .results import ResultsPage
from .taxonomy import Theme, UserType

__all__ = [
    "Decision",
    "Evaluation",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageProject",
    "ProjectDecision",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPhase",
    "ProjectTeamMember",
    "ResultsPage",
    "TeamRole",
    "TerritoryHighlight",
    "Theme",
    "UserType",
]

"""votes: UN Security Council vote records proved against their sources.

The library API, for notebooks and scripts (the `votes` command is a thin
shell over it):

    from votes import load_project, validate
    project = load_project()             # data/, seeds/ under the working folder (str or Path)
    draft = project.find_draft("S/2016/846")  # by id, UN symbol or unique id prefix
    result = validate(project)           # problems, and the basis of every fact
    from votes.tables import votes_frame
    frame = votes_frame(project, result) # one tidy row per draft x member
    project = load_project(sourced="data/sourced.csv")  # with the imported official votes too

docs/architecture.md shows how the package is laid out; docs/reference.md documents it.

Heavy libraries (pandas, matplotlib) load only in the modules that use them.
"""

from .errors import DataRefused, DraftNotFound, VotesError
from .problems import Problem
from .project import Project, find_draft, load_project
from .validate import Validation, validate

__all__ = ["DataRefused", "DraftNotFound", "Problem", "Project", "Validation", "VotesError", "find_draft",
           "load_project", "validate"]
__version__ = "0.1.0"

"""A page's breadcrumbs: its ancestors from the site's home page (depth 2) down to its parent."""


def breadcrumbs_of(page):
    """Without a query when the page comes with its parents up to the site's home, as the
    route finds them (territories/scope.py: a cached route keeps them); else in one query."""
    if page.depth <= 2:
        return []
    parents, level = [], page
    while level.depth > 2:
        # Where treebeard's get_parent() keeps the parent it found.
        parent = level.__dict__.get("_cached_parent_obj")
        if (
            parent is None
            or parent.depth != level.depth - 1
            or not level.path.startswith(parent.path)
        ):
            return list(page.get_ancestors().filter(depth__gte=2))
        parents.append(parent)
        level = parent
    return parents[::-1]

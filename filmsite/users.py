"""How staff accounts are named to other staff (admin screens, e-mail)."""


def display_name(user, fallback: str = "a deleted account") -> str:
    """The user's full name, else their username; ``fallback`` when there is no user."""
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username()

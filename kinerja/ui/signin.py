"""Signing in, in the sidebar: "Masuk" (name and password against the users file, or the identity
provider's page when Streamlit's secrets configure one) and, once signed in, who and in which role,
and "Keluar".

The user is kept in the session only after the users file (or the identity provider) confirmed them,
as an `auth.User`, which no widget and no URL can produce; every run reads the role from the users
file again, so a user removed or made `pembaca` loses the write controls on their next click. Pages
ask `editor()` whether to draw write controls; every write asks `at_write()` at the moment it writes.
"""

import streamlit as st

from kinerja import auth
from kinerja.errors import KinerjaError, Refused

_SIGNED_IN = "pengguna_masuk"  # session key: the auth.User verified in this session; no widget has it
_REFUSAL = "masuk_ditolak"  # session key: why the last sign-in failed, shown once
# Streamlit writes "Press Enter to submit form" under a field being typed in and has no setting for
# its words; CSS scoped to this form writes them in Indonesian, as kinerja/ui/uploader.py does.
_ENTER_HINT = """
.st-key-masuk_buka [data-testid='InputInstructions'] > span { display: none; }
.st-key-masuk_buka [data-testid='InputInstructions']::after { content: 'Tekan Enter untuk masuk'; }
"""
WRONG = "Nama atau kata sandi salah."


def _provider() -> auth.Provider | None:
    """The identity provider, when Streamlit's secrets configure one (an [auth] section)."""
    return auth.provider(st.secrets) if st.secrets.load_if_toml_exists() else None


def _session_user(settings: auth.Provider | None) -> object:
    """Who the session says is signed in, not yet checked against the users file."""
    if settings is not None:
        return auth.provider_user(st.user.to_dict(), settings)
    return st.session_state.get(_SIGNED_IN)


def current() -> auth.User | None:
    """The signed-in user with the role the users file gives now; None for a viewer."""
    try:
        user = auth.refreshed(_session_user(_provider()))
    except KinerjaError:  # a damaged users file: nobody writes; signing in says why
        return None
    if user is None:
        st.session_state.pop(_SIGNED_IN, None)
    return user


def editor() -> auth.Editor | None:
    """The editor this page is drawn for, or None: draw no write controls."""
    user = current()
    return auth.Editor(user.name) if user and user.is_editor else None


def at_write(editor: auth.Editor | None) -> auth.Editor:
    """Asked by every write just before it writes: the session's user is an editor in the users file
    now, and the one the page was drawn for. Raises Refused otherwise; the caller changes nothing."""
    checked = auth.require_editor(_session_user(_provider()))
    if checked != editor:
        raise Refused(auth.REFUSED)
    return checked


def ask_to_sign_in(purpose: str) -> None:
    """Where a viewer would find write controls: what signing in as an editor allows."""
    st.info(f"Masuk sebagai editor untuk {purpose}: pilih **Masuk** di sidebar.", icon=":material/lock:")


def sidebar() -> None:
    """Masuk, or who is signed in and Keluar."""
    settings = _provider()
    with st.sidebar:
        if settings is None:
            _with_password()
        else:
            _with_provider(settings)


def _signed_in_as(user: auth.User) -> bool:
    """Who is signed in, and whether "Keluar" was clicked."""
    with st.container(border=True, key="masuk_sebagai"):
        st.markdown(f"Masuk sebagai **{user.name}** ({user.role})")
        return st.button("Keluar", key="keluar", icon=":material/logout:")


def _with_password() -> None:
    user = current()
    if user is not None:
        if _signed_in_as(user):
            for key in list(st.session_state):  # forget the whole session, as a new tab would
                del st.session_state[key]
            st.rerun()
        return
    with st.expander("Masuk", icon=":material/login:", key="masuk_buka"):
        st.html(f"<style>{_ENTER_HINT}</style>")
        with st.form("masuk", border=False):
            st.text_input("Nama", key="masuk_nama", autocomplete="username")
            st.text_input("Kata sandi", type="password", key="masuk_sandi", autocomplete="current-password")
            st.form_submit_button("Masuk", key="masuk_kirim", type="primary", on_click=_check_password)
        if _REFUSAL in st.session_state:
            st.error(st.session_state.pop(_REFUSAL))
        _no_editor_yet()


def _check_password() -> None:
    """On "Masuk", before the run: the password checked against the users file, then forgotten
    (the field emptied); only a verified user is kept in the session."""
    name, password = st.session_state.get("masuk_nama", ""), st.session_state.get("masuk_sandi", "")
    st.session_state["masuk_sandi"] = ""
    try:
        user = auth.verify(name, password)
    except KinerjaError as error:  # a damaged users file
        st.session_state[_REFUSAL] = str(error)
        return
    if user is None:
        st.session_state[_REFUSAL] = WRONG
        return
    st.session_state[_SIGNED_IN] = user


def _no_editor_yet() -> None:
    try:
        missing = auth.missing_editor()
    except KinerjaError as error:
        st.caption(str(error))
        return
    if missing:
        st.caption(missing.replace("\n  ", " ").replace(auth.ADD_FIRST_EDITOR, f"`{auth.ADD_FIRST_EDITOR}`"))


def _with_provider(settings: auth.Provider) -> None:
    """Streamlit's own sign-in (st.login): the provider's page, then back with its identity."""
    user = auth.provider_user(st.user.to_dict(), settings)
    if user is not None:
        if _signed_in_as(user):
            st.logout()
        return
    if not settings.names:
        st.caption("Masuk belum dapat dipakai: bagian [auth] di secrets.toml belum menyebut penyedia identitas.")
    for name in settings.names:
        label = "Masuk" if name is None else f"Masuk dengan {name}"
        if st.button(label, key=f"masuk_{name or 'oidc'}", icon=":material/login:", width="stretch"):
            st.login(name)

from flask_wtf import FlaskForm
from wtforms import SubmitField


class TokenForm(FlaskForm):
    """A button with its CSRF token: create, regenerate or revoke the feed address."""

    submit = SubmitField()

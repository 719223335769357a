"""tracker: execution control of roadmaps, protocols, resolutions and orders."""

from flask import Flask

from config import Config


def create_app(config_object: type = Config, **overrides) -> Flask:
    """Build the web application: a table of contents of register_* calls."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    app.config.from_object(config_object)
    app.config.update(overrides)
    register_extensions(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from tracker.auth.loader import init_login
    from tracker.core.i18n import init_babel
    from tracker.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"), render_as_batch=True)
    csrf.init_app(app)
    init_login(app)
    init_babel(app)
    import tracker.models  # noqa: F401  (every model registered with the metadata)


def register_blueprints(app: Flask) -> None:
    from tracker.assignments.views import bp as assignments
    from tracker.auth.views import bp as auth
    from tracker.calendar.views import bp as calendar
    from tracker.control.views import bp as control
    from tracker.core.views import bp as core
    from tracker.documents.views import bp as documents
    from tracker.notifications.views import bp as notifications
    from tracker.people.views import bp as people
    from tracker.reports.views import bp as reports

    for blueprint in (
        core,
        auth,
        people,
        documents,
        assignments,
        notifications,
        calendar,
        reports,
        control,
    ):
        app.register_blueprint(blueprint)


def register_template_helpers(app: Flask) -> None:
    from tracker.core.templating import init_templating

    init_templating(app)


def register_commands(app: Flask) -> None:
    from tracker.commands import init_commands

    init_commands(app)

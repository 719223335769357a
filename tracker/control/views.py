from flask import Blueprint

bp = Blueprint("control", __name__, url_prefix="/control")

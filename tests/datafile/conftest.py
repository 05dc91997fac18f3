from tests.model.conftest import blank_report  # noqa: F401 - the same new report the model's tests use

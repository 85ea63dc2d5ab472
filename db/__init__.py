"""The Qt-free core of Kefu Desk: models, migrations and every rule about the data."""

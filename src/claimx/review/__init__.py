"""`claimx review`: work through compare's groups in the terminal (Textual), marking members
trusted, doubtful or wrong. marks.py, model.py and axis.py are pure; app.py is the app."""

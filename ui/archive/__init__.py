"""Archive: signed agreements and finished sessions."""

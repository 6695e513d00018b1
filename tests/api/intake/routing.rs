//! Routing of filings whose place of work is outside the city, unclear or several.

"""The Streamlit app's pages (one module per page, each with `render()`), kept out of `pages/`
so Streamlit's automatic multipage discovery stays off and navigation is ours."""

PAGES = ("overview", "propagation", "meetings", "people", "chains", "explorer", "sectors",
         "sources", "console", "upload", "downloads")

# The Streamlit app (and the safetykg CLI) in one image; docker-compose.yml pairs it with Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# dependencies first, so code changes do not reinstall them
COPY pyproject.toml README.md ./
COPY graph_loader ./graph_loader
COPY queries ./queries
RUN pip install .

COPY app.py ontology.ttl shapes.ttl ./
COPY app_pages ./app_pages
COPY data/corpus ./data/corpus

RUN useradd --create-home safetykg && mkdir -p /workspace && chown safetykg /workspace
USER safetykg
ENV SAFETYKG_WORKSPACE=/workspace
EXPOSE 8501
CMD ["streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0", "--server.headless", "true"]

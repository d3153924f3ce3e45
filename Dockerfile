# syntax=docker/dockerfile:1
# IntergovCommission: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
# The container needs a PostgreSQL server: set ConnectionStrings__Commission (docker-compose.yml does).

# ---- build ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so that this layer is cached until they change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/IntergovCommission.Domain/IntergovCommission.Domain.csproj src/IntergovCommission.Domain/
COPY src/IntergovCommission.Documents/IntergovCommission.Documents.csproj src/IntergovCommission.Documents/
COPY src/IntergovCommission.Web/IntergovCommission.Web.csproj src/IntergovCommission.Web/
RUN dotnet restore src/IntergovCommission.Web/IntergovCommission.Web.csproj

COPY src/ src/
RUN dotnet publish src/IntergovCommission.Web/IntergovCommission.Web.csproj \
        --configuration Release --no-restore --output /app \
        -p:UseAppHost=false

# AGPL-3.0 section 13: the sources this image was built from, served at /source.
COPY LICENSE NOTICE ./
RUN tar -czf /app/corresponding-source.tar.gz --exclude=bin --exclude=obj \
        LICENSE NOTICE global.json Directory.Build.props Directory.Packages.props .editorconfig src

# ---- runtime --------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# DejaVu fonts for the bilingual PDF documents (Kazakh letters); curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*

# A folder the app may write, for settings that name files (Audit:CheckpointFile, a log file); the Data Protection keys are in the database.
RUN mkdir -p /var/lib/intergov && chown -R "$APP_UID" /var/lib/intergov

WORKDIR /app
COPY --from=build /app ./
COPY LICENSE NOTICE ./

# The image's built-in non-root user ("app", uid $APP_UID); Kestrel listens on 8080.
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# Ready = the database answers and every migration is applied.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --max-time 4 http://127.0.0.1:8080/health/ready || exit 1

ENTRYPOINT ["dotnet", "IntergovCommission.Web.dll"]

# syntax=docker/dockerfile:1
# The web image (API, SignalR hub, portal). Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t orleanscases-web .
#
# No HEALTHCHECK: the aspnet image has no curl or wget, and the orchestrators that matter here bring their own
# checks (compose: deploy/compose/docker-compose.yml probes /health/ready with bash; Kubernetes: probes).

# The portal's SignalR client comes from npm, pinned by the committed lock file; only that package leaves this stage.
FROM node:20-bookworm-slim AS npm
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so `dotnet restore` stays cached while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OrleansCases.Abstractions/OrleansCases.Abstractions.csproj src/OrleansCases.Abstractions/
COPY src/OrleansCases.Hosting/OrleansCases.Hosting.csproj src/OrleansCases.Hosting/
COPY web/OrleansCases.Web/OrleansCases.Web.csproj web/OrleansCases.Web/
RUN dotnet restore web/OrleansCases.Web/OrleansCases.Web.csproj
COPY src/ src/
COPY web/ web/
# The web project's build copies signalr.min.js from node_modules/@microsoft/signalr into wwwroot/lib.
COPY --from=npm /src/node_modules/@microsoft/signalr node_modules/@microsoft/signalr
RUN dotnet publish web/OrleansCases.Web/OrleansCases.Web.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The app binds loopback by default (appsettings.json); a container must listen on its own interface. The image's
# own ASPNETCORE_HTTP_PORTS (8080) is cleared so that Urls is the only binding.
ENV Urls=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1
EXPOSE 5080
# The image's non-root user (numeric, so Kubernetes runAsNonRoot can verify it).
USER $APP_UID
ENTRYPOINT ["dotnet", "OrleansCases.Web.dll"]

# syntax=docker/dockerfile:1
# The silo image. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t orleanscases-silo .
#
# No HEALTHCHECK: the aspnet image has no curl or wget, and the orchestrators that matter here bring their own
# checks (compose: deploy/compose/docker-compose.yml probes /health/ready with bash; Kubernetes: probes).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so `dotnet restore` stays cached while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OrleansCases.Abstractions/OrleansCases.Abstractions.csproj src/OrleansCases.Abstractions/
COPY src/OrleansCases.Grains/OrleansCases.Grains.csproj src/OrleansCases.Grains/
COPY src/OrleansCases.Hosting/OrleansCases.Hosting.csproj src/OrleansCases.Hosting/
COPY silo/OrleansCases.Silo/OrleansCases.Silo.csproj silo/OrleansCases.Silo/
RUN dotnet restore silo/OrleansCases.Silo/OrleansCases.Silo.csproj
COPY src/ src/
COPY silo/ silo/
RUN dotnet publish silo/OrleansCases.Silo/OrleansCases.Silo.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The app binds loopback by default (appsettings.json); a container must listen on its own interface. The image's
# own ASPNETCORE_HTTP_PORTS (8080) is cleared so that Urls is the only binding.
ENV Urls=http://0.0.0.0:5090 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1
# 5090 silo HTTP (health, metrics), 11111 silo-to-silo, 30000 gateway (Cluster:SiloPort, Cluster:GatewayPort).
EXPOSE 5090 11111 30000
# The image's non-root user (numeric, so Kubernetes runAsNonRoot can verify it).
USER $APP_UID
ENTRYPOINT ["dotnet", "OrleansCases.Silo.dll"]

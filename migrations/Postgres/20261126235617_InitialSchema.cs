using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "concurrent_users_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    max_sessions = table.Column<long>(type: "bigint", nullable: false),
                    granularity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    min_users = table.Column<long>(type: "bigint", nullable: false),
                    avg_users = table.Column<double>(type: "double precision", nullable: false),
                    max_users = table.Column<long>(type: "bigint", nullable: false),
                    peak_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sample_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concurrent_users_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "module_usage_tracking",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    module_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    request_count = table.Column<long>(type: "bigint", nullable: false),
                    error_count = table.Column<long>(type: "bigint", nullable: false),
                    latency_p50_ms = table.Column<double>(type: "double precision", nullable: true),
                    latency_p95_ms = table.Column<double>(type: "double precision", nullable: true),
                    latency_p99_ms = table.Column<double>(type: "double precision", nullable: true),
                    granularity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    min_users = table.Column<long>(type: "bigint", nullable: false),
                    avg_users = table.Column<double>(type: "double precision", nullable: false),
                    max_users = table.Column<long>(type: "bigint", nullable: false),
                    peak_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sample_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_module_usage_tracking", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organization_usage_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    granularity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    min_users = table.Column<long>(type: "bigint", nullable: false),
                    avg_users = table.Column<double>(type: "double precision", nullable: false),
                    max_users = table.Column<long>(type: "bigint", nullable: false),
                    peak_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sample_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_usage_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "performance_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alert_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    observed_value = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    triggered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "performance_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    module_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    request_count = table.Column<long>(type: "bigint", nullable: false),
                    error_count = table.Column<long>(type: "bigint", nullable: false),
                    p50_ms = table.Column<double>(type: "double precision", nullable: true),
                    p95_ms = table.Column<double>(type: "double precision", nullable: true),
                    p99_ms = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_utilization",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    instance_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    cpu_percent = table.Column<double>(type: "double precision", nullable: false),
                    memory_percent = table.Column<double>(type: "double precision", nullable: false),
                    db_connections_used = table.Column<int>(type: "integer", nullable: false),
                    db_connections_max = table.Column<int>(type: "integer", nullable: false),
                    redis_memory_bytes = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_utilization", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    module_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_concurrent_users_history_granularity_bucket_start",
                table: "concurrent_users_history",
                columns: new[] { "granularity", "bucket_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_module_usage_tracking_granularity_bucket_start",
                table: "module_usage_tracking",
                columns: new[] { "granularity", "bucket_start" });

            migrationBuilder.CreateIndex(
                name: "ix_module_usage_tracking_granularity_module_id_bucket_start",
                table: "module_usage_tracking",
                columns: new[] { "granularity", "module_id", "bucket_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organization_usage_history_granularity_bucket_start",
                table: "organization_usage_history",
                columns: new[] { "granularity", "bucket_start" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_usage_history_granularity_organization_id_buck",
                table: "organization_usage_history",
                columns: new[] { "granularity", "organization_id", "bucket_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_alerts_status_triggered_at",
                table: "performance_alerts",
                columns: new[] { "status", "triggered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_metrics_bucket_start",
                table: "performance_metrics",
                column: "bucket_start");

            migrationBuilder.CreateIndex(
                name: "ix_performance_metrics_module_id_bucket_start",
                table: "performance_metrics",
                columns: new[] { "module_id", "bucket_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resource_utilization_bucket_start",
                table: "resource_utilization",
                column: "bucket_start");

            migrationBuilder.CreateIndex(
                name: "ix_resource_utilization_instance_id_bucket_start",
                table: "resource_utilization",
                columns: new[] { "instance_id", "bucket_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_is_active_last_activity_at",
                table: "user_sessions",
                columns: new[] { "is_active", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_organization_id",
                table: "user_sessions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_session_id",
                table: "user_sessions",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id",
                table: "user_sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concurrent_users_history");

            migrationBuilder.DropTable(
                name: "module_usage_tracking");

            migrationBuilder.DropTable(
                name: "organization_usage_history");

            migrationBuilder.DropTable(
                name: "performance_alerts");

            migrationBuilder.DropTable(
                name: "performance_metrics");

            migrationBuilder.DropTable(
                name: "resource_utilization");

            migrationBuilder.DropTable(
                name: "user_sessions");
        }
    }
}

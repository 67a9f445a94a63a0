using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSummaryViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Summaries read the last 24 hours by the database clock; averages are time-weighted over every sampled minute, so minutes without the module or organization count zero.
            migrationBuilder.Sql(@"CREATE VIEW current_active_sessions AS
SELECT session_id, user_id, organization_id, module_id, user_agent, ip_address, started_at, last_activity_at,
       CAST(EXTRACT(EPOCH FROM last_activity_at - started_at) AS bigint) AS duration_seconds
FROM user_sessions
WHERE is_active;");
            migrationBuilder.Sql(@"CREATE VIEW module_usage_summary AS
SELECT m.module_id,
       MAX(m.max_users) AS peak_users,
       COALESCE(SUM(m.avg_users * m.sample_count) / NULLIF((SELECT SUM(c.sample_count) FROM concurrent_users_history c WHERE c.granularity = 'minute' AND c.bucket_start >= now() - interval '24 hours'), 0), 0) AS avg_users,
       CAST(SUM(m.request_count) AS bigint) AS request_count,
       CAST(SUM(m.error_count) AS bigint) AS error_count,
       CAST(SUM(m.error_count) AS double precision) / NULLIF(CAST(SUM(m.request_count) AS double precision), 0) AS error_rate,
       MAX(m.bucket_start) AS last_seen_at
FROM module_usage_tracking m
WHERE m.granularity = 'minute' AND m.bucket_start >= now() - interval '24 hours'
GROUP BY m.module_id;");
            migrationBuilder.Sql(@"CREATE VIEW organization_usage_summary AS
SELECT o.organization_id,
       MAX(o.max_users) AS peak_users,
       COALESCE(SUM(o.avg_users * o.sample_count) / NULLIF((SELECT SUM(c.sample_count) FROM concurrent_users_history c WHERE c.granularity = 'minute' AND c.bucket_start >= now() - interval '24 hours'), 0), 0) AS avg_users,
       MAX(o.bucket_start) AS last_seen_at,
       (SELECT COUNT(*) FROM user_sessions s WHERE s.is_active AND s.organization_id = o.organization_id) AS active_sessions
FROM organization_usage_history o
WHERE o.granularity = 'minute' AND o.bucket_start >= now() - interval '24 hours'
GROUP BY o.organization_id;");
            migrationBuilder.Sql(@"CREATE VIEW performance_alerts_summary AS
SELECT severity,
       SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) AS active_count,
       SUM(CASE WHEN status = 'acknowledged' THEN 1 ELSE 0 END) AS acknowledged_count,
       MIN(triggered_at) AS oldest_triggered_at,
       MAX(triggered_at) AS latest_triggered_at
FROM performance_alerts
WHERE status <> 'resolved'
GROUP BY severity;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS performance_alerts_summary;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS organization_usage_summary;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS module_usage_summary;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS current_active_sessions;");
        }
    }
}

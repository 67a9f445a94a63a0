using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertRulesAndOpenAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_seen_at",
                table: "performance_alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "repeat_count",
                table: "performance_alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "rule_id",
                table: "performance_alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    threshold = table.Column<double>(type: "REAL", nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    for_polls = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_performance_alerts_open_rule",
                table: "performance_alerts",
                column: "rule_id",
                unique: true,
                filter: "status <> 'resolved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_rules");

            migrationBuilder.DropIndex(
                name: "ux_performance_alerts_open_rule",
                table: "performance_alerts");

            migrationBuilder.DropColumn(
                name: "last_seen_at",
                table: "performance_alerts");

            migrationBuilder.DropColumn(
                name: "repeat_count",
                table: "performance_alerts");

            migrationBuilder.DropColumn(
                name: "rule_id",
                table: "performance_alerts");
        }
    }
}

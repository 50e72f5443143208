using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
{
    /// <inheritdoc />
    public partial class ListsFromSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The summaries now hold what a list row shows (and DueAt also the day after a step's last day): those written
            // before are deleted, and the host's backfill on start writes every one again.
            migrationBuilder.Sql("DELETE FROM round_progress;");

            migrationBuilder.DropIndex(
                name: "IX_rounds_CreatedAt_Id",
                table: "rounds");

            migrationBuilder.AddColumn<bool>(
                name: "CountyMayUrge",
                table: "round_progress",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "round_progress",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDay",
                table: "round_progress",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextActors",
                table: "round_progress",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "round_progress",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_CreatedAt_RoundId",
                table: "round_progress",
                columns: new[] { "CreatedAt", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OrganisationId_CreatedAt_RoundId",
                table: "round_progress",
                columns: new[] { "OrganisationId", "CreatedAt", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OrganisationId_DueAt_AwaitedRoles",
                table: "round_progress",
                columns: new[] { "OrganisationId", "DueAt", "AwaitedRoles" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_round_progress_CreatedAt_RoundId",
                table: "round_progress");

            migrationBuilder.DropIndex(
                name: "IX_round_progress_OrganisationId_CreatedAt_RoundId",
                table: "round_progress");

            migrationBuilder.DropIndex(
                name: "IX_round_progress_OrganisationId_DueAt_AwaitedRoles",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "CountyMayUrge",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "LastDay",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "NextActors",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "round_progress");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_CreatedAt_Id",
                table: "rounds",
                columns: new[] { "CreatedAt", "Id" });
        }
    }
}

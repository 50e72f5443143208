using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <inheritdoc />
    public partial class ContractLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Termination_ConfirmedAt",
                table: "rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_ConfirmedByName",
                table: "rounds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_Declined",
                table: "rounds",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Termination_EffectiveOn",
                table: "rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_Evidence",
                table: "rounds",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_Grounds",
                table: "rounds",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Termination_ProposedAt",
                table: "rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_ProposedBy",
                table: "rounds",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_ProposedByName",
                table: "rounds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Termination_Reason",
                table: "rounds",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InForceFrom",
                table: "round_progress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InForceUntil",
                table: "round_progress",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OrganisationId_InForceFrom_InForceUntil_EnterpriseId",
                table: "round_progress",
                columns: new[] { "OrganisationId", "InForceFrom", "InForceUntil", "EnterpriseId" });

            // The summaries of contracts in force before this migration: every effective round's term (none was rescinded yet).
            migrationBuilder.Sql("""
                UPDATE round_progress
                SET "InForceFrom" = (SELECT r."Signing_TermStartsOn" FROM rounds r WHERE r."Id" = round_progress."RoundId"),
                    "InForceUntil" = (SELECT r."Signing_TermEndsOn" FROM rounds r WHERE r."Id" = round_progress."RoundId")
                WHERE "Stage" = 'Effective'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_round_progress_OrganisationId_InForceFrom_InForceUntil_EnterpriseId",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "Termination_ConfirmedAt",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_ConfirmedByName",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_Declined",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_EffectiveOn",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_Evidence",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_Grounds",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_ProposedAt",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_ProposedBy",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_ProposedByName",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Termination_Reason",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "InForceFrom",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "InForceUntil",
                table: "round_progress");
        }
    }
}

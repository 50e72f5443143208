using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
{
    /// <inheritdoc />
    public partial class LeanerJournalIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_journal_InstanceId_IdempotencyKey",
                table: "workflow_journal");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_journal_InstanceId_IdempotencyKey",
                table: "workflow_journal",
                columns: new[] { "InstanceId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_journal_InstanceId_IdempotencyKey",
                table: "workflow_journal");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_journal_InstanceId_IdempotencyKey",
                table: "workflow_journal",
                columns: new[] { "InstanceId", "IdempotencyKey" },
                unique: true);
        }
    }
}

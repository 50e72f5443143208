using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <inheritdoc />
    public partial class JournalUnsealedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_journal_Unsealed",
                table: "workflow_journal",
                column: "InstanceId",
                filter: "\"Seal\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_journal_Unsealed",
                table: "workflow_journal");
        }
    }
}

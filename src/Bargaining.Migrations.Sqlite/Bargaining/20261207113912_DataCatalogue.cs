using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <inheritdoc />
    public partial class DataCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "round_progress",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CreditCode",
                table: "organisations",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            // Written by hand (keep when regenerating): a summary from before the catalogue counts as changed when its round was created.
            migrationBuilder.Sql("UPDATE round_progress SET \"ChangedAt\" = \"CreatedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_ChangedAt_RoundId",
                table: "round_progress",
                columns: new[] { "ChangedAt", "RoundId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_round_progress_ChangedAt_RoundId",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "round_progress");

            migrationBuilder.DropColumn(
                name: "CreditCode",
                table: "organisations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <inheritdoc />
    public partial class ContractChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Change_AmendsRoundId",
                table: "rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Change_Articles",
                table: "rounds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Change_Reason",
                table: "rounds",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "registered_contracts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Contract");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_Change_AmendsRoundId",
                table: "rounds",
                column: "Change_AmendsRoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rounds_Change_AmendsRoundId",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Change_AmendsRoundId",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Change_Articles",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Change_Reason",
                table: "rounds");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "registered_contracts");
        }
    }
}

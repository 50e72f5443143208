using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
{
    /// <inheritdoc />
    public partial class RoundProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_OrganisationId",
                table: "enterprises");

            migrationBuilder.CreateTable(
                name: "round_progress",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Replied = table.Column<bool>(type: "boolean", nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    WageRises = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OverdueFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueStep = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OverdueLastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    AwaitedRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_progress", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_round_progress_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_progress_stamps",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_progress_stamps", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_unit_progress_stamps_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rounds_CreatedAt_Id",
                table: "rounds",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_Name_Id",
                table: "enterprises",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_OrganisationId_Employees",
                table: "enterprises",
                columns: new[] { "OrganisationId", "Employees" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_EnterpriseId_Stage",
                table: "round_progress",
                columns: new[] { "EnterpriseId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OrganisationId_Latest_Stage",
                table: "round_progress",
                columns: new[] { "OrganisationId", "Latest", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OrganisationId_OverdueFrom",
                table: "round_progress",
                columns: new[] { "OrganisationId", "OverdueFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_round_progress_OverdueFrom",
                table: "round_progress",
                column: "OverdueFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "round_progress");

            migrationBuilder.DropTable(
                name: "unit_progress_stamps");

            migrationBuilder.DropIndex(
                name: "IX_rounds_CreatedAt_Id",
                table: "rounds");

            migrationBuilder.DropIndex(
                name: "IX_enterprises_Name_Id",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "IX_enterprises_OrganisationId_Employees",
                table: "enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_OrganisationId",
                table: "enterprises",
                column: "OrganisationId");
        }
    }
}

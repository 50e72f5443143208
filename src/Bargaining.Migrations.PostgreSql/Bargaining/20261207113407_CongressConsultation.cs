using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
{
    /// <inheritdoc />
    public partial class CongressConsultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Draft = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IncludesMinutes = table.Column<bool>(type: "boolean", nullable: false),
                    IncludesHistory = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultations_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deputies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Constituency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deputies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deputies_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeputyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Constituency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_invitations_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_invitations_deputies_DeputyId",
                        column: x => x.DeputyId,
                        principalTable: "deputies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Handling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultation_invitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "consultation_invitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ConsultationId_Sequence",
                table: "consultation_comments",
                columns: new[] { "ConsultationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_InvitationId",
                table: "consultation_comments",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_invitations_ConsultationId",
                table: "consultation_invitations",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_invitations_DeputyId",
                table: "consultation_invitations",
                column: "DeputyId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_invitations_TokenHash",
                table: "consultation_invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultations_RoundId_Draft",
                table: "consultations",
                columns: new[] { "RoundId", "Draft" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deputies_EnterpriseId_Name",
                table: "deputies",
                columns: new[] { "EnterpriseId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "consultation_invitations");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "deputies");
        }
    }
}

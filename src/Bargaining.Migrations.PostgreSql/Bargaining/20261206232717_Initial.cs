using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OfferRateTarget = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SigningRateTarget = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    WorkersCoveredTarget = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    LabourAuthority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FilingAbbreviation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisations_organisations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    JournalSequence = table.Column<long>(type: "bigint", nullable: false),
                    JournalHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Node = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Signal = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Moves = table.Column<string>(type: "text", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Node = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_timers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_units",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_units", x => new { x.CampaignId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_campaign_units_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_campaign_units_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EconomicType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: false),
                    WomenEmployees = table.Column<int>(type: "integer", nullable: false),
                    UnionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChairName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    UnionMembers = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "instructor_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstructorUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstructorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instructor_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_instructor_assignments_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OfferingSide = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Offer_MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Offer_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Offer_RepresentativesPerSide = table.Column<int>(type: "integer", nullable: true),
                    Offer_CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    Offer_Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Offer_ProposedMeetingAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Offer_ProposedMeetingPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Offer_ReplyDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Response_GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Response_Accepted = table.Column<bool>(type: "boolean", nullable: true),
                    Response_RefusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Representatives_EmployerLegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Table_SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Table_NextMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Table_NextMeetingPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Table_NextMeetingContent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Table_ResumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Table_Draft = table.Column<int>(type: "integer", nullable: false),
                    Table_ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Table_DraftSignedBy = table.Column<int>(type: "integer", nullable: true),
                    Table_DraftSignedPositions = table.Column<int>(type: "integer", nullable: true),
                    Congress_Entitled = table.Column<int>(type: "integer", nullable: true),
                    Congress_Present = table.Column<int>(type: "integer", nullable: true),
                    Congress_InFavour = table.Column<int>(type: "integer", nullable: true),
                    Congress_Adopted = table.Column<bool>(type: "boolean", nullable: true),
                    Congress_HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Congress_Rejection = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Signing_WorkerSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Signing_EmployerSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Signing_TermStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Signing_TermEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Filing_DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Filing_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Filing_Late = table.Column<bool>(type: "boolean", nullable: true),
                    Filing_Authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Filing_ContractNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Filing_Year = table.Column<int>(type: "integer", nullable: true),
                    Filing_Sequence = table.Column<int>(type: "integer", nullable: true),
                    Review_Opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Review_ObjectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Review_PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Review_PublishedHow = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OnTheSpot_Means = table.Column<int>(type: "integer", nullable: true),
                    OnTheSpot_Record = table.Column<int>(type: "integer", nullable: true),
                    OnTheSpot_Text = table.Column<string>(type: "text", nullable: true),
                    OnTheSpot_WorkerChiefName = table.Column<string>(type: "text", nullable: true),
                    OnTheSpot_EmployerChiefName = table.Column<string>(type: "text", nullable: true),
                    OnTheSpot_MetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnTheSpot_NoAgreementReason = table.Column<string>(type: "text", nullable: true),
                    Coordination_AppliedBy = table.Column<int>(type: "integer", nullable: true),
                    Coordination_AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Coordination_Grounds = table.Column<string>(type: "text", nullable: true),
                    Coordination_ExtendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Coordination_ExtensionReason = table.Column<string>(type: "text", nullable: true),
                    Coordination_Agreement = table.Column<string>(type: "text", nullable: true),
                    Coordination_SignedBy = table.Column<string>(type: "text", nullable: true),
                    Coordination_ClosedReason = table.Column<string>(type: "text", nullable: true),
                    Coordination_EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Renewal_RenewsRoundId = table.Column<Guid>(type: "uuid", nullable: true),
                    Renewal_CurrentExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Running = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rounds_campaigns_Offer_CampaignId",
                        column: x => x.Offer_CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rounds_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Chair = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Recorder = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededBecause = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registered_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContractNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CanonicalText = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registered_contracts_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "representatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsChief = table.Column<bool>(type: "boolean", nullable: false),
                    IsOutsideExpert = table.Column<bool>(type: "boolean", nullable: false),
                    Delegation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    NamedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_representatives_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "specific_terms",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeatAllowancePerMonth = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    HeatFromMonth = table.Column<int>(type: "integer", nullable: true),
                    HeatToMonth = table.Column<int>(type: "integer", nullable: true),
                    CoverageScope = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgreedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specific_terms", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_specific_terms_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_topics_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bound_enterprises",
                columns: table => new
                {
                    Order = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Workers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bound_enterprises", x => new { x.RoundId, x.Order });
                    table.ForeignKey(
                        name: "FK_bound_enterprises_specific_terms_RoundId",
                        column: x => x.RoundId,
                        principalTable: "specific_terms",
                        principalColumn: "RoundId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_clauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Draft = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Clause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Number = table.Column<decimal>(type: "numeric", nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_draft_clauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_draft_clauses_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_draft_clauses_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Clause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Number = table.Column<decimal>(type: "numeric", nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_positions_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_campaign_units_OrganisationId",
                table: "campaign_units",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_draft_clauses_RoundId_Draft_Number",
                table: "draft_clauses",
                columns: new[] { "RoundId", "Draft", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_draft_clauses_TopicId",
                table: "draft_clauses",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_CreditCode",
                table: "enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_OrganisationId",
                table: "enterprises",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "ix_instructor_assignments_current",
                table: "instructor_assignments",
                column: "EnterpriseId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_instructor_assignments_EnterpriseId_AssignedAt",
                table: "instructor_assignments",
                columns: new[] { "EnterpriseId", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_instructor_assignments_InstructorUserId",
                table: "instructor_assignments",
                column: "InstructorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_RoundId_Number",
                table: "meetings",
                columns: new[] { "RoundId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Code",
                table: "organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_ParentId",
                table: "organisations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_positions_TopicId_Sequence",
                table: "positions",
                columns: new[] { "TopicId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registered_contracts_Code",
                table: "registered_contracts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registered_contracts_RoundId",
                table: "registered_contracts",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_representatives_RoundId_Side",
                table: "representatives",
                columns: new[] { "RoundId", "Side" });

            migrationBuilder.CreateIndex(
                name: "IX_rounds_EnterpriseId",
                table: "rounds",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_Filing_ContractNumber",
                table: "rounds",
                column: "Filing_ContractNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rounds_Offer_CampaignId",
                table: "rounds",
                column: "Offer_CampaignId");

            migrationBuilder.CreateIndex(
                name: "ix_rounds_running",
                table: "rounds",
                columns: new[] { "EnterpriseId", "Kind" },
                unique: true,
                filter: "\"Running\"");

            migrationBuilder.CreateIndex(
                name: "IX_rounds_WorkflowInstanceId",
                table: "rounds",
                column: "WorkflowInstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_topics_RoundId",
                table: "topics",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_BusinessKey",
                table: "workflow_instances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_DefinitionId_Status",
                table: "workflow_instances",
                columns: new[] { "DefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_journal_InstanceId_IdempotencyKey",
                table: "workflow_journal",
                columns: new[] { "InstanceId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_journal_InstanceId_Sequence",
                table: "workflow_journal",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_timers_DueAt",
                table: "workflow_timers",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_timers_InstanceId",
                table: "workflow_timers",
                column: "InstanceId");

            // The journal and the topic positions are append-only in the database itself: an UPDATE or DELETE is refused
            // (a position once recorded is part of the bargaining record, Art 34: minutes signed by both chiefs).
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END;
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER workflow_journal_append_only BEFORE UPDATE OR DELETE ON workflow_journal FOR EACH ROW EXECUTE FUNCTION refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER positions_append_only BEFORE UPDATE OR DELETE ON positions FOR EACH ROW EXECUTE FUNCTION refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_append_only ON workflow_journal;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS positions_append_only ON positions;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS refuse_change();");

            migrationBuilder.DropTable(
                name: "bound_enterprises");

            migrationBuilder.DropTable(
                name: "campaign_units");

            migrationBuilder.DropTable(
                name: "draft_clauses");

            migrationBuilder.DropTable(
                name: "instructor_assignments");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "registered_contracts");

            migrationBuilder.DropTable(
                name: "representatives");

            migrationBuilder.DropTable(
                name: "workflow_instances");

            migrationBuilder.DropTable(
                name: "workflow_journal");

            migrationBuilder.DropTable(
                name: "workflow_timers");

            migrationBuilder.DropTable(
                name: "specific_terms");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "rounds");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <inheritdoc />
    public partial class JournalSeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Seal",
                table: "workflow_journal",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Still append-only, but an entry written before seals may be sealed once (WorkflowEngine.SealUnsealedAsync):
            // an UPDATE of any other column, or of a seal already set, is refused.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER workflow_journal_no_update BEFORE UPDATE OF
                    "Id", "InstanceId", "Sequence", "Kind", "Node", "Signal", "Actor", "Role", "Payload", "IdempotencyKey",
                    "Moves", "Result", "At", "PreviousHash", "Hash" ON workflow_journal
                BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workflow_journal_sealed_once BEFORE UPDATE OF "Seal" ON workflow_journal WHEN OLD."Seal" IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_sealed_once;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER workflow_journal_no_update BEFORE UPDATE ON workflow_journal
                BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
                """);
            migrationBuilder.DropColumn(
                name: "Seal",
                table: "workflow_journal");
        }
    }
}

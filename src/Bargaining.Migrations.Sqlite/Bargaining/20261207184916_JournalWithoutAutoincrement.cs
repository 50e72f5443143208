using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.Sqlite.Bargaining
{
    /// <summary>
    /// The journal keyed by a plain rowid instead of <c>AUTOINCREMENT</c>: the journal never deletes (its triggers
    /// refuse it), so ids are never reused either way, and <c>AUTOINCREMENT</c>'s counter in <c>sqlite_sequence</c> was
    /// one more page to write in every engine transaction (6.2 pages a commit). SQLite cannot change a key in place, so
    /// the table is rebuilt here by hand, with its indexes and its append-only triggers; the model is unchanged (EF's
    /// convention still names the key <c>AUTOINCREMENT</c>; a later migration that rebuilds this table must keep both
    /// this and the triggers). PostgreSQL's identity column has no such counter page: nothing changes there.
    /// </summary>
    public partial class JournalWithoutAutoincrement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "PRIMARY KEY");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "PRIMARY KEY AUTOINCREMENT");

        private static void Rebuild(MigrationBuilder migrationBuilder, string key)
        {
            migrationBuilder.Sql($$"""
                CREATE TABLE "ef_temp_workflow_journal" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_journal" {{key}},
                    "InstanceId" TEXT NOT NULL,
                    "Sequence" INTEGER NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "Node" TEXT NULL,
                    "Signal" TEXT NULL,
                    "Actor" TEXT NOT NULL,
                    "Role" TEXT NULL,
                    "Payload" TEXT NULL,
                    "IdempotencyKey" TEXT NULL,
                    "Moves" TEXT NOT NULL,
                    "Result" TEXT NOT NULL,
                    "At" INTEGER NOT NULL,
                    "PreviousHash" TEXT NOT NULL,
                    "Hash" TEXT NOT NULL,
                    "Seal" TEXT NULL
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_workflow_journal" ("Id", "InstanceId", "Sequence", "Kind", "Node", "Signal", "Actor", "Role", "Payload", "IdempotencyKey", "Moves", "Result", "At", "PreviousHash", "Hash", "Seal")
                SELECT "Id", "InstanceId", "Sequence", "Kind", "Node", "Signal", "Actor", "Role", "Payload", "IdempotencyKey", "Moves", "Result", "At", "PreviousHash", "Hash", "Seal" FROM "workflow_journal";
                """);
            migrationBuilder.Sql("DROP TABLE \"workflow_journal\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_workflow_journal\" RENAME TO \"workflow_journal\";");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_workflow_journal_InstanceId_IdempotencyKey\" ON \"workflow_journal\" (\"InstanceId\", \"IdempotencyKey\") WHERE \"IdempotencyKey\" IS NOT NULL;");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_workflow_journal_InstanceId_Sequence\" ON \"workflow_journal\" (\"InstanceId\", \"Sequence\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_workflow_journal_Unsealed\" ON \"workflow_journal\" (\"InstanceId\") WHERE \"Seal\" IS NULL;");
            // The triggers as JournalSeals left them: append-only; an entry written before seals may be sealed once.
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
            migrationBuilder.Sql("""
                CREATE TRIGGER workflow_journal_no_delete BEFORE DELETE ON workflow_journal
                BEGIN SELECT RAISE(ABORT, 'workflow_journal is append-only'); END;
                """);
        }
    }
}

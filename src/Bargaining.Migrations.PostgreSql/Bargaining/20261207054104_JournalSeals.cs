using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bargaining.Migrations.PostgreSql.Bargaining
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Still append-only, but an entry written before seals may be sealed once (WorkflowEngine.SealUnsealedAsync):
            // an UPDATE that changes any other column, or a seal already set, is refused.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Seal" IS NULL AND to_jsonb(NEW) - 'Seal' = to_jsonb(OLD) - 'Seal' THEN RETURN NEW; END IF;
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                END;
                $$;
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_append_only ON workflow_journal;");
            migrationBuilder.Sql("CREATE TRIGGER workflow_journal_append_only BEFORE UPDATE OR DELETE ON workflow_journal FOR EACH ROW EXECUTE FUNCTION refuse_journal_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workflow_journal_append_only ON workflow_journal;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS refuse_journal_change();");
            migrationBuilder.Sql("CREATE TRIGGER workflow_journal_append_only BEFORE UPDATE OR DELETE ON workflow_journal FOR EACH ROW EXECUTE FUNCTION refuse_change();");
            migrationBuilder.DropColumn(
                name: "Seal",
                table: "workflow_journal");
        }
    }
}

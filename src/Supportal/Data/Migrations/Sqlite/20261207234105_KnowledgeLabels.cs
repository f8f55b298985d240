using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgeLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KbArticleLabels",
                columns: table => new
                {
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticleLabels", x => new { x.Label, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_KbArticleLabels_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_ReadableById",
                table: "KbArticles",
                column: "Id",
                filter: "\"PublishedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_ReadableBySection",
                table: "KbArticles",
                columns: new[] { "SectionId", "Id" },
                filter: "\"PublishedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleLabels_ArticleId",
                table: "KbArticleLabels",
                column: "ArticleId");

            // Label rows of the articles published so far (ArticleIndex.Labels: both languages, trimmed, lower case, once;
            // SQLite's lower() folds ASCII letters only, so an upper-case Polish letter stays as typed until the next save).
            migrationBuilder.Sql("""
                WITH RECURSIVE split(ArticleId, Label, Rest) AS (
                    SELECT Id, '', LabelsEn || ',' || LabelsPl || ',' FROM KbArticles WHERE PublishedAt IS NOT NULL
                    UNION ALL
                    SELECT ArticleId, trim(substr(Rest, 1, instr(Rest, ',') - 1)), substr(Rest, instr(Rest, ',') + 1) FROM split WHERE Rest <> '')
                INSERT INTO KbArticleLabels (Label, ArticleId) SELECT DISTINCT lower(Label), ArticleId FROM split WHERE Label <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KbArticleLabels");

            migrationBuilder.DropIndex(
                name: "IX_KbArticles_ReadableById",
                table: "KbArticles");

            migrationBuilder.DropIndex(
                name: "IX_KbArticles_ReadableBySection",
                table: "KbArticles");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
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
                    Label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false)
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
                filter: "\"PublishedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "SectionId", "Readers", "ManufacturerId" });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_ReadableBySection",
                table: "KbArticles",
                columns: new[] { "SectionId", "Id" },
                filter: "\"PublishedAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Readers", "ManufacturerId" });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleLabels_ArticleId",
                table: "KbArticleLabels",
                column: "ArticleId");

            // Label rows of the articles published so far (ArticleIndex.Labels: both languages, trimmed, lower case, once).
            migrationBuilder.Sql("""
                INSERT INTO "KbArticleLabels" ("Label", "ArticleId")
                SELECT DISTINCT lower(btrim(l)), a."Id"
                FROM "KbArticles" a, unnest(string_to_array(a."LabelsEn" || ',' || a."LabelsPl", ',')) AS l
                WHERE a."PublishedAt" IS NOT NULL AND btrim(l) <> '';
                """);

            // The search rows' heading (title, labels and section: weights A, B and C), which ranks and suggests without
            // reading bodies; the existing vectors already hold it.
            migrationBuilder.Sql("""
                ALTER TABLE "KbArticleSearch" ADD COLUMN "Heading" tsvector NOT NULL DEFAULT '';
                UPDATE "KbArticleSearch" SET "Heading" = ts_filter("Vector", '{a,b,c}');
                ALTER TABLE "KbArticleSearch" ALTER COLUMN "Heading" DROP DEFAULT;
                CREATE INDEX "IX_KbArticleSearch_Heading" ON "KbArticleSearch" USING gin ("Heading");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "KbArticleSearch" DROP COLUMN "Heading";""");

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

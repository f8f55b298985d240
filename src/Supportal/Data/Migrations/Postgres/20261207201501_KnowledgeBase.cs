using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DownloadGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NamePl = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NamePl = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DescriptionPl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbRequestFormViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuggestionsShown = table.Column<int>(type: "integer", nullable: false),
                    ArticleOpenedId = table.Column<int>(type: "integer", nullable: true),
                    ArticleOpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RequestSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbRequestFormViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DownloadItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NamePl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DescriptionPl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Readers = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ManufacturerId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DownloadItems_DownloadGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DownloadGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DownloadItems_Manufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "Manufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KbSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NamePl = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DescriptionPl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Readers = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ManufacturerId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbSections_KbCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "KbCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KbSections_Manufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "Manufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DownloadVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OperatingSystem = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NotesEn = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    NotesPl = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DownloadCount = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DownloadVersions_DownloadItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "DownloadItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitlePl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyEn = table.Column<string>(type: "text", nullable: false),
                    BodyPl = table.Column<string>(type: "text", nullable: false),
                    LabelsEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LabelsPl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Readers = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ManufacturerId = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Promoted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbArticles_KbSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "KbSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KbArticles_Manufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "Manufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KbArticleImages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticleImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbArticleImages_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbArticleVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitlePl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyEn = table.Column<string>(type: "text", nullable: false),
                    BodyPl = table.Column<string>(type: "text", nullable: false),
                    LabelsEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LabelsPl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbArticleVersions_AspNetUsers_SavedById",
                        column: x => x.SavedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KbArticleVersions_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbArticleVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Voter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Helpful = table.Column<bool>(type: "boolean", nullable: false),
                    VotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticleVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbArticleVotes_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbFollows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: true),
                    SectionId = table.Column<int>(type: "integer", nullable: true),
                    FollowedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbFollows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbFollows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KbFollows_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KbFollows_KbSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "KbSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a04"), "0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a04", "KnowledgeEditor", "KNOWLEDGEEDITOR" });

            migrationBuilder.CreateIndex(
                name: "IX_DownloadItems_GroupId_Order",
                table: "DownloadItems",
                columns: new[] { "GroupId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_DownloadItems_ManufacturerId",
                table: "DownloadItems",
                column: "ManufacturerId");

            migrationBuilder.CreateIndex(
                name: "IX_DownloadVersions_ItemId_ReleasedOn",
                table: "DownloadVersions",
                columns: new[] { "ItemId", "ReleasedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleImages_ArticleId",
                table: "KbArticleImages",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_ManufacturerId",
                table: "KbArticles",
                column: "ManufacturerId");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_Promoted_Order",
                table: "KbArticles",
                columns: new[] { "Promoted", "Order" },
                filter: "\"Promoted\"");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticles_SectionId_Order_Id",
                table: "KbArticles",
                columns: new[] { "SectionId", "Order", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleVersions_ArticleId_Number",
                table: "KbArticleVersions",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleVersions_SavedById",
                table: "KbArticleVersions",
                column: "SavedById");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleVotes_ArticleId_Voter",
                table: "KbArticleVotes",
                columns: new[] { "ArticleId", "Voter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbFollows_ArticleId_UserId",
                table: "KbFollows",
                columns: new[] { "ArticleId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbFollows_SectionId_UserId",
                table: "KbFollows",
                columns: new[] { "SectionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbFollows_UserId",
                table: "KbFollows",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_KbRequestFormViews_OpenedAt",
                table: "KbRequestFormViews",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_KbSections_CategoryId_Order",
                table: "KbSections",
                columns: new[] { "CategoryId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_KbSections_ManufacturerId",
                table: "KbSections",
                column: "ManufacturerId");

            // The help-center search index (KnowledgeBase.ArticleIndex): one weighted vector of folded words per
            // published translation.
            migrationBuilder.Sql("""
                CREATE TABLE "KbArticleSearch" (
                    "ArticleId" integer NOT NULL REFERENCES "KbArticles" ("Id") ON DELETE CASCADE,
                    "Language" character varying(2) NOT NULL,
                    "Vector" tsvector NOT NULL,
                    PRIMARY KEY ("ArticleId", "Language"));
                CREATE INDEX "IX_KbArticleSearch_Vector" ON "KbArticleSearch" USING gin ("Vector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "KbArticleSearch";""");

            migrationBuilder.DropTable(
                name: "DownloadVersions");

            migrationBuilder.DropTable(
                name: "KbArticleImages");

            migrationBuilder.DropTable(
                name: "KbArticleVersions");

            migrationBuilder.DropTable(
                name: "KbArticleVotes");

            migrationBuilder.DropTable(
                name: "KbFollows");

            migrationBuilder.DropTable(
                name: "KbRequestFormViews");

            migrationBuilder.DropTable(
                name: "DownloadItems");

            migrationBuilder.DropTable(
                name: "KbArticles");

            migrationBuilder.DropTable(
                name: "DownloadGroups");

            migrationBuilder.DropTable(
                name: "KbSections");

            migrationBuilder.DropTable(
                name: "KbCategories");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: new Guid("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a04"));
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lab.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstrumentRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnalysisId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MethodCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SampleBarcode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RawDataPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RawDataSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RawDataFormat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RawDataBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Runs_Analyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "Analyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Runs_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_AnalysisId_Status",
                table: "Runs",
                columns: new[] { "AnalysisId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_InstrumentId_QueuedAt",
                table: "Runs",
                columns: new[] { "InstrumentId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_RawDataSha256",
                table: "Runs",
                column: "RawDataSha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Runs");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lab.Data.Migrations
{
    /// <inheritdoc />
    public partial class SamplesAndCustody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsultationOutcome",
                table: "TestRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CustomerConsultationNeeded",
                table: "TestRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Holder",
                table: "Samples",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationBarcode",
                table: "Samples",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationName",
                table: "Samples",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Specimens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LocationBarcode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LocationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Specimens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Specimens_Samples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "Samples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StorageLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsReceptionDesk = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustodyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampleId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecimenId = table.Column<int>(type: "INTEGER", nullable: true),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LocationBarcode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LocationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Station = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyEvents_Samples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "Samples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyEvents_Specimens_SpecimenId",
                        column: x => x.SpecimenId,
                        principalTable: "Specimens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Samples_Status_RetainUntil",
                table: "Samples",
                columns: new[] { "Status", "RetainUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_At",
                table: "CustodyEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_SampleId_At",
                table: "CustodyEvents",
                columns: new[] { "SampleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_SpecimenId",
                table: "CustodyEvents",
                column: "SpecimenId");

            migrationBuilder.CreateIndex(
                name: "IX_Specimens_Barcode",
                table: "Specimens",
                column: "Barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Specimens_SampleId",
                table: "Specimens",
                column: "SampleId");

            migrationBuilder.CreateIndex(
                name: "IX_StorageLocations_Barcode",
                table: "StorageLocations",
                column: "Barcode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustodyEvents");

            migrationBuilder.DropTable(
                name: "StorageLocations");

            migrationBuilder.DropTable(
                name: "Specimens");

            migrationBuilder.DropIndex(
                name: "IX_Samples_Status_RetainUntil",
                table: "Samples");

            migrationBuilder.DropColumn(
                name: "ConsultationOutcome",
                table: "TestRequests");

            migrationBuilder.DropColumn(
                name: "CustomerConsultationNeeded",
                table: "TestRequests");

            migrationBuilder.DropColumn(
                name: "Holder",
                table: "Samples");

            migrationBuilder.DropColumn(
                name: "LocationBarcode",
                table: "Samples");

            migrationBuilder.DropColumn(
                name: "LocationName",
                table: "Samples");
        }
    }
}

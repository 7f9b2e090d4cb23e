"""Facts from a filled reporting form cite a cell of the form ("Biểu 01!E14"), not a line of a report: the source line
may be empty and the cell is kept beside it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("source_cell", sa.String(40), nullable=True))
        batch.alter_column("source_line", existing_type=sa.Integer, nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.alter_column("source_line", existing_type=sa.Integer, nullable=False)
        batch.drop_column("source_cell")

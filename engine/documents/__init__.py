"""The drafted documents, built as format-free blocks: the commune's own draft of sections III.2 and IV, the
reviewing body's review sheet (Phiếu rà soát), and the NTM self-assessment table (Biểu tự đánh giá)."""

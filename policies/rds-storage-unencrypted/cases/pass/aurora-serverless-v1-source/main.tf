# Aurora Serverless v1 encrypts every cluster at rest; storage_encrypted is not needed (and cannot be false).
resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
  master_username    = "app"
}

# The engine mode comes from a variable with no value here: only Serverless v1 would encrypt regardless.
variable "engine_mode" {
  type = string
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports"
  engine             = "aurora-mysql"
  engine_mode        = var.engine_mode
  master_username    = "app"
}

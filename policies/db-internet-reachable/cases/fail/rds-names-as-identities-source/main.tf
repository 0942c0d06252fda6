# RDS resources name each other by literal RDS names rather than by reference: the instance's
# DB subnet group, parameter and option group, the cluster member's cluster, and the cluster's
# subnet group. Each name is the identity of a resource created here.
resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "db_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "db_a" {
  subnet_id      = aws_subnet.db_a.id
  route_table_id = aws_route_table.public.id
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_subnet_group" "app" {
  name       = "app-db"
  subnet_ids = [aws_subnet.db_a.id]
}

resource "aws_db_parameter_group" "pg16" {
  name   = "app-pg16"
  family = "postgres16"
}

resource "aws_db_option_group" "pg16" {
  name                 = "app-pg16-options"
  engine_name          = "postgres"
  major_engine_version = "16"
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name   = "app-aurora-pg16"
  family = "aurora-postgresql16"
}

resource "aws_db_instance" "main" {
  identifier             = "orders"
  engine                 = "postgres"
  instance_class         = "db.t4g.micro"
  allocated_storage      = 20
  db_subnet_group_name   = "app-db"
  parameter_group_name   = "app-pg16"
  option_group_name      = "app-pg16-options"
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = true
  storage_encrypted      = true
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "aurora-postgresql"
  master_username                 = "app"
  db_subnet_group_name            = "app-db"
  db_cluster_parameter_group_name = "app-aurora-pg16"
  vpc_security_group_ids          = [aws_security_group.db.id]
  storage_encrypted               = true
}

resource "aws_rds_cluster_instance" "writer" {
  identifier          = "ledger-writer"
  cluster_identifier  = "ledger"
  engine              = "aurora-postgresql"
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
